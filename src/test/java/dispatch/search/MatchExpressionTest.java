package dispatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MatchExpressionTest {
    @Test
    void words_and_phrases_are_quoted_so_nothing_typed_is_an_operator() {
        assertEquals("\"oil\" \"prices\"", MatchExpression.of("oil prices"));
        assertEquals("\"Lachin corridor\" \"road\"", MatchExpression.of("\"Lachin corridor\" road"));
        assertEquals("\"AND\" \"OR\" \"NOT\" \"headline\" \"x\"", MatchExpression.of("AND OR NOT ( headline:x*"));
        assertEquals("\"Erdoğan\"", MatchExpression.of("Erdoğan"));
        assertEquals("\"سلام\"", MatchExpression.of("سلام"));
    }

    @Test
    void an_unbalanced_quote_runs_to_the_end_and_punctuation_alone_is_nothing() {
        assertEquals("\"fuel\" \"depot explosion\"", MatchExpression.of("fuel \"depot explosion"));
        assertEquals("", MatchExpression.of("\"\" ()*^ --"));
    }
}
