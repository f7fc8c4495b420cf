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
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code create-user --email ... --name ... --role ...}: adds a member of staff from the
 * command line, which is how the first administrator is made. The password is read from
 * standard input, so it never appears in the shell's history or the process list.
 */
@Command(name = "create-user",
    description = {
        "Add a member of staff; the password is read from standard input.",
        "",
        "This is how the first administrator is made. The password (" + Passwords.MIN_LENGTH
            + " characters at least, " + Passwords.MAX_BYTES + " bytes at most) never goes on the command line, so it"
            + " stays out of the shell's history and the process list: type it, then Ctrl-D, or pipe it in. It writes"
            + " to the database of DISPATCH_DATA_DIR (or DISPATCH_DATABASE_URL), like the server."},
    exitCodeList = {
        "0:the account is made; they can sign in at /newsroom/sign-in",
        "1:an account with that address exists already, the password is too short or too long, or the database"
            + " cannot be opened",
        "2:a mistake in the options"})
final class CreateUserCommand extends Cli.Subcommand {
    @Option(names = "--email", required = true, paramLabel = "ADDRESS", converter = EmailAddress.class,
        description = "Their email address, which they sign in with.")
    String email;

    @Option(names = "--name", required = true, paramLabel = "NAME", converter = PersonName.class,
        description = "Their name, as the newsroom and the activity log show it.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", converter = StaffRole.class,
        description = "What they may do: contributor (writes drafts and suggests changes to published articles,"
            + " which an editor reviews), editor (also edits and publishes) or admin (also manages staff).")
    Role role;

    private final InputStream in;

    CreateUserCommand(Config config, InputStream in, PrintStream out, PrintStream err) {
        super("create-user needs --email ADDRESS --name NAME --role contributor|editor|admin,"
            + " and the password on standard input", config, out, err);
        this.in = in;
    }

    @Override
    public Integer call() {
        try (Database database = Database.open(config)) {
            return create(database);
        }
    }

    private int create(Database database) {
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
        new Accounts(database, Clock.systemUTC(), Accounts.realPause()).create(email, name, role, password, null);
        out.println("Created " + role.label().toLowerCase(Locale.ROOT) + " " + name + " <" + email
            + ">. They can sign in at /newsroom/sign-in.");
        return Cli.OK;
    }

    /** The address as accounts keep it: trimmed and in lower case. */
    static final class EmailAddress implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String email = Accounts.normalise(value);
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new TypeConversionException("'" + value + "' is not an email address");
            }
            return email;
        }
    }

    /** The name without characters XML cannot carry (pages and feeds show it), and not blank. */
    static final class PersonName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String name = dispatch.web.XmlChars.strip(value).strip();
            if (name.isEmpty()) {
                throw new TypeConversionException("the name is empty");
            }
            return name;
        }
    }

    /** One of the newsroom's roles; a reader's account is not made here. */
    static final class StaffRole implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            return Role.of(value).filter(Role::isStaff).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not one of contributor, editor, admin"));
        }
    }
}
