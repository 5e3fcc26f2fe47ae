package no.fint.platform.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ./fint entry point, run as a user runs it. */
class FintScriptIT {

    private static final Path FINT = ServiceProcess.repoRoot().resolve("fint");

    private record Result(int exit, String out) {
    }

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(FINT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    @Test
    void withoutAJdk21ItSaysSoInOneLine() throws Exception {
        Path empty = Files.createTempDirectory("no-jvms");
        String java17 = "/usr/lib/jvm/java-17-openjdk-amd64";
        for (String command : List.of("test", "up")) {
            Result r = run(Map.of("FINT_JVM_DIR", empty.toString(), "JAVA_HOME", Files.isDirectory(Path.of(java17)) ? java17 : ""), command);
            assertEquals(1, r.exit(), r.out());
            assertEquals(1, r.out().strip().lines().count(), r.out());
            assertTrue(r.out().startsWith("fint: no JDK 21 or newer found"), r.out());
        }
    }

    @Test
    void helpListsTheCommandsAndUnknownCommandsFail() throws Exception {
        Result help = run(Map.of(), "help");
        assertEquals(0, help.exit());
        for (String c : List.of("up", "test", "bench", "adapter", "token")) {
            assertTrue(help.out().contains("  " + c), help.out());
        }
        assertEquals(2, run(Map.of(), "frobnicate").exit());
    }
}
