package dispatch;

import dispatch.check.ArticleChecks;
import dispatch.check.ArticleDraft;
import dispatch.check.CheckReport;
import dispatch.check.Finding;
import dispatch.check.Severity;
import dispatch.db.Database;
import dispatch.image.ImageDao;
import dispatch.newsroom.EditableArticle;
import dispatch.newsroom.NewsroomArticleDao;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check --all} or {@code check SLUG...}: runs the publishing accessibility checks on
 * articles already in the database, so that a publisher can find problems in what was
 * published before the checks existed. {@code --all} checks every published article; drafts
 * and scheduled articles are checked when named. Every article checked is named in the output,
 * clean ones too, so that a short report cannot be mistaken for one that skipped articles.
 * Exits with 1 when any article has an error.
 */
@Command(name = "check",
    description = {
        "Run the publishing accessibility checks on existing articles.",
        "",
        "Every article checked is named in the output, clean ones too. It reads the database of DISPATCH_DATA_DIR"
            + " (or DISPATCH_DATABASE_URL), like the server."},
    exitCodeList = {
        "0:no article checked has an error (warnings may remain)",
        "1:an article has an error, or there is no article at an address given",
        "2:a mistake in the command line"})
final class CheckCommand extends Cli.Subcommand {
    /** Either --all or the slugs, exactly one of them. */
    static final class Articles {
        @Option(names = "--all", required = true,
            description = "Check every published article. Drafts and scheduled articles are checked only when named.")
        boolean all;

        @Parameters(paramLabel = "SLUG", arity = "1..*",
            description = "The web address (slug) of an article to check, published or not; give as many as you like.")
        List<String> slugs;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Articles which;

    CheckCommand(Config config, PrintStream out, PrintStream err) {
        super("check needs --all, or the web addresses (slugs) of the articles to check", config, out, err);
    }

    @Override
    public Integer call() {
        try (Database database = Database.open(config)) {
            return check(database);
        }
    }

    private int check(Database database) {
        NewsroomArticleDao articles = database.dao(NewsroomArticleDao.class);
        List<EditableArticle> chosen = new ArrayList<>();
        boolean all = which.all;
        if (all) {
            chosen.addAll(articles.allPublished());
        } else {
            for (String slug : which.slugs) {
                Optional<EditableArticle> article = articles.findBySlug(slug);
                if (article.isEmpty()) {
                    err.println("dispatch: there is no article with the address " + slug);
                    return Cli.FAILED;
                }
                chosen.add(article.get());
            }
        }
        ImageDao images = database.dao(ImageDao.class);
        ArticleChecks checks = new ArticleChecks(images::findByName);
        int withErrors = 0;
        int withWarnings = 0;
        for (EditableArticle a : chosen) {
            var lead = a.leadImageId() == null ? null : images.find(a.leadImageId()).orElse(null);
            List<Finding> findings = checks.check(new ArticleDraft(a.headline(), a.standfirst(), a.language(),
                a.bodyMarkdown(), lead));
            if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
                withErrors++;
            } else if (!findings.isEmpty()) {
                withWarnings++;
            }
            out.println(CheckReport.text(a.slug() + " (" + a.status() + "): " + a.headline(), findings));
        }
        out.println("Checked " + chosen.size() + (all ? " published" : "") + (chosen.size() == 1 ? " article: " : " articles: ")
            + withErrors + " with errors, " + withWarnings + " with warnings only, "
            + (chosen.size() - withErrors - withWarnings) + " with no problems.");
        if (all) {
            out.println("Drafts and scheduled articles are not checked by --all: name their addresses to check them.");
        }
        return withErrors > 0 ? Cli.FAILED : Cli.OK;
    }
}
