package dispatch;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistake in a command's options, told as the option at fault and what is wrong with it
 * ({@code --max-pages must be a whole number from 1 to 10000, not "abc"}), rather than in
 * picocli's words. A value is repeated only where its converter chose to repeat it: an argument
 * that belongs to no option may be part of a secret typed without quotes, so it is not.
 */
final class OptionMistake {
    private static final Pattern INVALID = Pattern.compile("^Invalid value for option '([^']+)'[^:]*: (.*)$",
        Pattern.DOTALL);

    private OptionMistake() {}

    /** @param problem picocli's message, on one line, when nothing better can be said */
    static String describe(ParameterException mistake, String problem) {
        if (mistake instanceof UnmatchedArgumentException unmatched) {
            List<String> args = unmatched.getUnmatched();
            String first = args.isEmpty() ? "" : args.get(0);
            if (first.startsWith("-")) {
                return "there is no option " + first.split("=", 2)[0].replaceAll("\\R", " ");
            }
            return "an argument belongs to no option (each option takes one value: put a value with spaces in quotes)";
        }
        if (mistake instanceof MissingParameterException missing) {
            List<ArgSpec> specs = missing.getMissing() == null ? List.of() : missing.getMissing();
            if (missing.getMessage().startsWith("Missing required option") && !specs.isEmpty()) {
                List<String> named = specs.stream().map(OptionMistake::withLabel).toList();
                return String.join(" and ", named) + (named.size() == 1 ? " is" : " are") + " missing";
            }
            if (specs.size() == 1) {
                return withLabel(specs.get(0)).replaceFirst(" ", " is missing its value ");
            }
        }
        if (mistake instanceof OverwrittenOptionException overwritten && overwritten.getOverwritten() instanceof OptionSpec o) {
            return o.longestName() + " is given twice: give it once";
        }
        if (mistake.getArgSpec() instanceof OptionSpec option) {
            if (mistake.getCause() instanceof TypeConversionException conversion) {
                return option.longestName() + " " + conversion.getMessage().replaceAll("\\R", " ");
            }
            Matcher invalid = INVALID.matcher(mistake.getMessage());
            if (invalid.matches()) {
                return invalid.group(1) + " " + invalid.group(2).replaceAll("\\R", " ");
            }
        }
        return problem;
    }

    private static String withLabel(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return option.longestName() + " " + option.paramLabel();
        }
        return spec.paramLabel();
    }
}
