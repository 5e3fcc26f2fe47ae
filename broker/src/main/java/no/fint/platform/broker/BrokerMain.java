package no.fint.platform.broker;

import java.nio.file.Path;

/**
 * Runs the embedded broker as its own JVM for {@code ./fint up}:
 * {@code java -jar broker.jar --data .fint/kafka --port 9092}. Stops cleanly on INT/TERM.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) {
        Path data = Path.of(".fint/kafka");
        int port = 9092;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i));
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                default -> {
                    System.err.println("usage: broker [--data DIR] [--port PORT]");
                    System.exit(2);
                }
            }
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(data, port);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "broker-shutdown"));
        System.out.println("kafka ready " + kafka.bootstrapServers());
        kafka.awaitShutdown();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("missing value for " + args[i - 1]);
            System.exit(2);
        }
        return args[i];
    }
}
