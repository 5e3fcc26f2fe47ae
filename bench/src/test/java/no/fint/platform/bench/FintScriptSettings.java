package no.fint.platform.bench;

import no.fint.platform.contract.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A setting of the {@code fint} script ({@code NAME="a b"}), as the list of words {@code ./fint up} passes on. */
public final class FintScriptSettings {

    private FintScriptSettings() {
    }

    public static List<String> words(String name) throws IOException {
        Path fint = ServiceProcess.repoRoot().resolve("fint");
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "=\"([^\"]*)\"$").matcher(Files.readString(fint));
        if (!m.find()) {
            throw new IllegalStateException(fint + " has no line " + name + "=\"...\"");
        }
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }
}
