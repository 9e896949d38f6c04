package org.sociallearning.impact.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the DevTools protocol (plain JDK WebSocket, no browser driver
 * dependency): loads a page, collects console errors, exceptions and dialogs, and evaluates
 * expressions in it. Started with the flags known to work in containers as root.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final List<String> errors = new ArrayList<>();

  /** The browser executable on the PATH, if installed. */
  static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  HeadlessChromium(Path executable, Path profile) throws Exception {
    process =
        new ProcessBuilder(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=1280,800",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-crash-reporter",
                "--disable-breakpad",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .start();
    String browserUrl = waitForDevTools();
    URI browser = URI.create(browserUrl);
    HttpClient http = HttpClient.newHttpClient();
    JsonNode targets =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://" + browser.getAuthority() + "/json/list"))
                        .timeout(TIMEOUT)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    String pageUrl = null;
    for (JsonNode t : targets) {
      if ("page".equals(t.path("type").asText())) {
        pageUrl = t.path("webSocketDebuggerUrl").asText();
      }
    }
    if (pageUrl == null) {
      throw new IllegalStateException("no page target in " + targets);
    }
    socket =
        http.newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(URI.create(pageUrl), new Listener())
            .get(60, TimeUnit.SECONDS);
    call("Runtime.enable", null);
    call("Log.enable", null);
    call("Page.enable", null);
  }

  private String waitForDevTools() throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        // Keep draining the browser's output so it never blocks on a full pipe.
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    throw new IllegalStateException("chromium did not start DevTools:\n" + seen);
  }

  /** Loads {@code url} and waits for its load event. */
  void load(String url) throws Exception {
    ObjectNode params = JSON.createObjectNode().put("url", url);
    call("Page.navigate", params);
    await("Page.loadEventFired");
  }

  /** Evaluates a JavaScript expression in the page and returns its JSON value. */
  JsonNode evaluate(String expression) throws Exception {
    ObjectNode params =
        JSON.createObjectNode().put("expression", expression).put("returnByValue", true);
    JsonNode result = call("Runtime.evaluate", params);
    return result.path("result").path("value");
  }

  /** Console errors, uncaught exceptions, failed loads and dialogs seen so far. */
  List<String> errors() throws Exception {
    // A round trip makes sure events sent before it have been read.
    call("Runtime.evaluate", JSON.createObjectNode().put("expression", "1"));
    return List.copyOf(errors);
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    socket.sendText(JSON.writeValueAsString(message), true).get(60, TimeUnit.SECONDS);
    while (true) {
      JsonNode reply = next();
      if (reply.path("id").asInt(-1) == id) {
        if (reply.has("error")) {
          throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.path("result");
      }
    }
  }

  private void await(String event) throws Exception {
    while (!event.equals(next().path("method").asText())) {
      // other events are recorded by next()
    }
  }

  private JsonNode next() throws Exception {
    JsonNode m = messages.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (m == null) {
      throw new IllegalStateException("no message from chromium within " + TIMEOUT);
    }
    record(m);
    return m;
  }

  private void record(JsonNode m) {
    JsonNode p = m.path("params");
    switch (m.path("method").asText()) {
      case "Runtime.exceptionThrown" ->
          errors.add("exception: " + p.path("exceptionDetails").toString());
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          errors.add("console." + type + ": " + p.path("args").toString());
        }
      }
      case "Log.entryAdded" -> {
        if ("error".equals(p.path("entry").path("level").asText())) {
          errors.add("log: " + p.path("entry").path("text").asText());
        }
      }
      case "Page.javascriptDialogOpening" -> errors.add("dialog: " + p.path("message").asText());
      default -> {}
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    } catch (RuntimeException ignored) {
      // the browser is going away anyway
    }
    // The renderer, GPU and utility children keep writing into the profile for a moment after
    // the browser process itself exits; stop and wait for every one of them, so the caller can
    // delete the profile directory.
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(JSON.readTree(partial.toString()));
        } catch (IOException e) {
          throw new IllegalStateException("unreadable DevTools message", e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }
}
