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

/**
 * {@code check --all} or {@code check SLUG...}: runs the publishing accessibility checks on
 * articles already in the database, so that a publisher can find problems in what was
 * published before the checks existed. {@code --all} checks every published article; drafts
 * and scheduled articles are checked when named. Every article checked is named in the output,
 * clean ones too, so that a short report cannot be mistaken for one that skipped articles.
 * Exits with 1 when any article has an error.
 */
final class CheckCommand {
    private final Database database;
    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(Database database, PrintStream out, PrintStream err) {
        this.database = database;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        NewsroomArticleDao articles = database.dao(NewsroomArticleDao.class);
        List<EditableArticle> chosen = new ArrayList<>();
        boolean all = args.length == 1 && args[0].equals("--all");
        if (all) {
            chosen.addAll(articles.allPublished());
        } else if (args.length > 0) {
            for (String slug : args) {
                Optional<EditableArticle> article = articles.findBySlug(slug);
                if (article.isEmpty()) {
                    err.println("dispatch: there is no article with the address " + slug);
                    return Cli.FAILED;
                }
                chosen.add(article.get());
            }
        } else {
            err.println("dispatch: check needs --all, or the web addresses (slugs) of the articles to check");
            return Cli.USAGE;
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
