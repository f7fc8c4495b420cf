package dispatch.newsroom;

import static dispatch.account.Role.ADMIN;
import static dispatch.account.Role.CONTRIBUTOR;
import static dispatch.account.Role.EDITOR;

import dispatch.account.Role;
import dispatch.account.User;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what in the newsroom: every action, and the roles allowed it, in one table. Every
 * newsroom servlet, service and template asks here; no other place compares roles. A role is
 * listed for each action it may take (no "at least"), so the table reads as it is.
 *
 * <p>The line the table draws: a contributor writes (drafts, their own and others', and
 * suggested changes to what is published, which wait for an editor); only editors and
 * administrators change what readers see; only administrators manage people, plans and read
 * the activity log. A suspended account may do nothing.
 */
public final class Permissions {

    /** Everything someone can do in the newsroom. */
    public enum Action {
        /** Sign in to the newsroom, see the articles, their editors, revisions and comparisons, and the image library. */
        ENTER_NEWSROOM(CONTRIBUTOR, EDITOR, ADMIN),
        /** Start an article: it is a draft, which readers do not see. */
        CREATE_DRAFT(CONTRIBUTOR, EDITOR, ADMIN),
        /** Save a draft or an unpublished article, whoever wrote it (drafts are shared; the history says who did what). */
        EDIT_DRAFT(CONTRIBUTOR, EDITOR, ADMIN),
        /** Save changes to a published or scheduled article as a suggestion, which waits for an editor's review. */
        SUGGEST_CHANGE(CONTRIBUTOR, EDITOR, ADMIN),
        /** Save changes to a published or scheduled article so that readers get them; applying a suggestion. */
        CHANGE_LIVE(EDITOR, ADMIN),
        PUBLISH(EDITOR, ADMIN),
        SCHEDULE(EDITOR, ADMIN),
        UNPUBLISH(EDITOR, ADMIN),
        /** Bring back an old revision as a new one; on a published article, the rules of a save apply. */
        RESTORE_REVISION(CONTRIBUTOR, EDITOR, ADMIN),
        ISSUE_CORRECTION(EDITOR, ADMIN),
        UPLOAD_IMAGE(CONTRIBUTOR, EDITOR, ADMIN),
        /** Describe an image that no published or scheduled article shows. */
        DESCRIBE_IMAGE(CONTRIBUTOR, EDITOR, ADMIN),
        /** Describe an image that a published or scheduled article shows: readers see the change. */
        DESCRIBE_PUBLISHED_IMAGE(EDITOR, ADMIN),
        VIEW_AUDITS(EDITOR, ADMIN),
        RECORD_AUDIT_REVIEW(EDITOR, ADMIN),
        VIEW_NEWSLETTERS(EDITOR, ADMIN),
        COMPOSE_NEWSLETTER(EDITOR, ADMIN),
        SEND_NEWSLETTER(EDITOR, ADMIN),
        MANAGE_STAFF(ADMIN),
        MANAGE_PLANS(ADMIN),
        VIEW_ACTIVITY(ADMIN);

        private final Set<Role> allowed;

        Action(Role... allowed) {
            this.allowed = Set.copyOf(EnumSet.of(allowed[0], allowed));
        }

        /** The roles allowed this action. */
        public Set<Role> allowed() {
            return allowed;
        }
    }

    /** Whether this account may take the action now: an active account whose role the table allows. */
    public static boolean allows(User user, Action action) {
        return user != null && !user.disabled() && action.allowed().contains(user.roleOf());
    }

    private Permissions() {}
}
