package dispatch.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders only their owner may read: the database and its backups hold e-mail
 * addresses and password hashes, the outbox holds sign-in and reset links. On POSIX file
 * systems folders are made 0700 and files 0600 when they are created (so there is no moment when
 * others could open them), and tightened if they already exist; elsewhere nothing changes.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /** Creates the folder (and any missing parents, as usual) and makes the folder itself 0700. */
    public static Path folder(Path folder) throws IOException {
        if (!posix(folder)) {
            return Files.createDirectories(folder);
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.toAbsolutePath().getParent());
            try {
                Files.createDirectory(folder, attribute(FOLDER));
                return folder;
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Another thread made it first: tightened below all the same.
            }
        }
        try {
            Files.setPosixFilePermissions(folder, FOLDER);
        } catch (java.nio.file.FileSystemException notOwner) {
            // A folder someone else owns and lets us write (a shared volume): the files inside
            // are still made the owner's only, which is what matters.
        }
        return folder;
    }

    /** Creates an empty file readable by its owner only, or makes an existing one 0600. */
    public static Path file(Path file) throws IOException {
        if (!posix(file)) {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            return file;
        }
        if (!Files.exists(file)) {
            try {
                return Files.createFile(file, attribute(FILE));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Tightened below.
            }
        }
        Files.setPosixFilePermissions(file, FILE);
        return file;
    }

    /** A new file, 0600 from its first moment; fails if it exists. */
    public static Path newFile(Path file) throws IOException {
        return posix(file) ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
    }

    /** Makes a file 0600 if it exists. */
    public static void restrict(Path file) throws IOException {
        if (posix(file) && Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /**
     * Tightens, at start, what an older version (or a hand, or a copy) left readable in the data
     * folder: the folder itself (0700), every file directly in it (the database with its -wal and
     * -shm files, the demo staff's passwords: 0600), and each of {@code privateFolders} (0700) with
     * every file in it (the mail outbox: 0600). Other folders are left as they are: {@code media/}
     * holds the uploaded images, which the site serves to anyone. Links are not followed, so
     * nothing outside the data folder changes. A data folder that does not exist is left alone.
     */
    public static void tightenDataFolder(Path dataDir, String... privateFolders) throws IOException {
        if (!posix(dataDir) || !Files.isDirectory(dataDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        folder(dataDir);
        filesIn(dataDir);
        for (String name : privateFolders) {
            Path inner = dataDir.resolve(name);
            if (Files.isDirectory(inner, LinkOption.NOFOLLOW_LINKS)) {
                folder(inner);
                filesIn(inner);
            }
        }
    }

    private static void filesIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(entry, FILE);
                }
            }
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        // The umask can only take permissions away, never add them, so this is what the file gets.
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    private OwnerOnly() {}
}
