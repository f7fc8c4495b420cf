package dispatch.membership;

import dispatch.account.Accounts;
import dispatch.account.ReaderAccounts;
import dispatch.account.User;
import dispatch.db.Database;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The benchmark's readers with accounts ({@code make bench-http}): a free reader and a member
 * who has joined through the test gateway, made in a running site's SQLite database so that the
 * benchmark can sign them in over HTTP like anyone else. Not part of the site: the site has no
 * way to make a member without a payment.
 *
 * <p>Usage: {@code BenchReaders DATA_DIR PASSWORD} makes bench-reader@example.org and
 * bench-member@example.org, and prints the address of a published members-only article.
 */
public final class BenchReaders {
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: BenchReaders DATA_DIR PASSWORD");
            System.exit(2);
        }
        Clock clock = Clock.systemUTC();
        try (Database database = Database.open(Path.of(args[0]))) {
            Accounts accounts = new Accounts(database, clock, Accounts.realPause());
            ReaderAccounts readers = new ReaderAccounts(database, accounts, clock);
            readers.register("bench-reader@example.org", "Bench reader", args[1]).orElseThrow();
            User member = readers.register("bench-member@example.org", "Bench member", args[1]).orElseThrow();
            Membership[] built = new Membership[1];
            TestGateway gateway = new TestGateway(clock, () -> built[0]);
            Membership membership = built[0] = new Membership(database, clock, gateway);
            Plan plan = membership.plans().get(0);
            membership.join(member, plan, "http://127.0.0.1/");
            gateway.pay(membership.current(member).orElseThrow(), plan);
            System.out.println("/articles/" + database.jdbi().withHandle(h -> h.createQuery(
                "SELECT slug FROM articles WHERE access = 'members' AND status = 'published' ORDER BY published_at DESC LIMIT 1")
                .mapTo(String.class).one()));
        }
    }

    private BenchReaders() {}
}
