package dispatch;

import dispatch.account.Accounts;
import dispatch.account.Passwords;
import dispatch.account.Role;
import dispatch.account.UserDao;
import dispatch.db.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code create-user --email ... --name ... --role ...}: adds a member of staff from the
 * command line, which is how the first administrator is made. The password is read from
 * standard input, so it never appears in the shell's history or the process list.
 */
final class CreateUserCommand {
    private final Database database;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    CreateUserCommand(Database database, InputStream in, PrintStream out, PrintStream err) {
        this.database = database;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String email = Accounts.normalise(options.get("--email"));
        String name = dispatch.web.XmlChars.strip(options.getOrDefault("--name", "")).strip();
        var role = Role.of(options.getOrDefault("--role", "")).filter(Role::isStaff);
        if (args.length % 2 != 0 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || name.isEmpty() || role.isEmpty()) {
            err.println("dispatch: create-user needs --email ADDRESS --name NAME --role contributor|editor|admin,"
                + " and the password on standard input");
            return Cli.USAGE;
        }
        if (database.dao(UserDao.class).findByEmail(email).isPresent()) {
            err.println("dispatch: there is already an account with the email address " + email);
            return Cli.FAILED;
        }
        String password;
        try {
            password = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\r?\\n$", "");
        } catch (IOException e) {
            err.println("dispatch: could not read the password from standard input: " + e.getMessage());
            return Cli.FAILED;
        }
        String problem = Passwords.problem(password);
        if (problem != null) {
            err.println("dispatch: " + problem + " (read from standard input)");
            return Cli.FAILED;
        }
        new Accounts(database, Clock.systemUTC(), Accounts.realPause()).create(email, name, role.get(), password, null);
        out.println("Created " + role.get().label().toLowerCase(java.util.Locale.ROOT) + " " + name + " <" + email
            + ">. They can sign in at /newsroom/sign-in.");
        return Cli.OK;
    }
}
