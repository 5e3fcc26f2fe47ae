package no.fint.platform.contract.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One golden file: the rule it proves, a request, and the whole expected answer.
 * <pre>
 * # the rule this file proves (one line)
 * GET /utdanning/elev/elev/systemid/E1
 * Accept: application/json            (request headers, optional)
 * &lt; data/v4/writes/elev-create.json   (optional: the request body, a file under golden/, as in
 *                                      JetBrains' .http files; for the write cases)
 *
 * 200
 * Content-Type: application/hal+json;charset=UTF-8
 *
 * {"brukernavn":...}                  (the body, to the end of the file)
 * </pre>
 * The body is the rest of the file without its one final newline (editors add one; a body that
 * must end in a newline would need two). {@code Content-Type} and {@code Location} are always
 * compared: not listed means the answer must not have one. Other listed response headers are
 * compared too. See {@link GoldenTemplate} for the few tokens a golden text may hold.
 */
public record GoldenCase(Path file, String note, String method, String path, Map<String, String> requestHeaders,
                         String requestBodyFile, int status, Map<String, String> responseHeaders, String body) {

    public static GoldenCase read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int cursor = 0;
        List<String> head = new ArrayList<>();
        // Two blocks of lines (request, status+headers), each ended by an empty line; then the body.
        int blocks = 0;
        while (blocks < 2) {
            int nl = text.indexOf('\n', cursor);
            if (nl < 0) {
                // a file that ends right after its status block: an empty body
                head.add(text.substring(cursor));
                cursor = text.length();
                break;
            }
            String line = text.substring(cursor, nl);
            cursor = nl + 1;
            if (line.isEmpty()) {
                blocks++;
            }
            head.add(line);
        }
        String body = text.substring(cursor);
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        int i = 0;
        if (!head.get(0).startsWith("# ")) {
            throw new IllegalArgumentException(file + ": the first line must be '# <the rule this file proves>'");
        }
        String note = head.get(i++).substring(2).trim();
        String[] request = head.get(i++).split(" ", 2);
        Map<String, String> reqHeaders = new LinkedHashMap<>();
        String requestBodyFile = null;
        while (!head.get(i).isEmpty()) {
            String line = head.get(i++);
            if (line.startsWith("< ")) {
                if (requestBodyFile != null) {
                    throw new IllegalArgumentException(file + ": one request body only");
                }
                requestBodyFile = line.substring(2).trim();
                continue;
            }
            String[] h = header(file, line);
            reqHeaders.put(h[0], h[1]);
        }
        i++;
        int status = Integer.parseInt(head.get(i++).trim());
        Map<String, String> respHeaders = new LinkedHashMap<>();
        while (i < head.size() && !head.get(i).isEmpty()) {
            String[] h = header(file, head.get(i++));
            respHeaders.put(h[0].toLowerCase(Locale.ROOT), h[1]);
        }
        return new GoldenCase(file, note, request[0], request[1], reqHeaders, requestBodyFile, status, respHeaders, body);
    }

    private static String[] header(Path file, String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(file + ": not a header line: " + line);
        }
        return new String[]{line.substring(0, colon).trim(), line.substring(colon + 1).trim()};
    }
}
