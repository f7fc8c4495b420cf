package dispatch.membership;

import dispatch.web.Languages;
import dispatch.web.Messages;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;

/** Something a reader can buy: a price in a currency's minor unit, for a period of months. */
public record Plan(String code, String name, long priceMinor, String currency, int periodMonths, int position,
                   boolean active) {

    /** "$100.00", "100,00 US$", "١٠٠٫٠٠ US$": the price in the interface's conventions. */
    public String price() {
        Currency money = Currency.getInstance(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(Languages.locale());
        format.setCurrency(money);
        BigDecimal amount = BigDecimal.valueOf(priceMinor, money.getDefaultFractionDigits());
        if (amount.stripTrailingZeros().scale() <= 0) {
            format.setMaximumFractionDigits(0);  // "$100", not "$100.00"
            format.setMinimumFractionDigits(0);
        }
        return format.format(amount);
    }

    /** "$100 a year", "$10 a month", "$30 every 3 months": the price with its period, in the interface's words. */
    public String pricePerPeriod() {
        return switch (periodMonths) {
            case 12 -> Messages.t("membership.perYear", price());
            case 1 -> Messages.t("membership.perMonth", price());
            default -> Messages.t("membership.perMonths", price(), periodMonths);
        };
    }
}
