package no.fint.platform.contract;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end flow against a Kafka broker in a container: runs where a Docker engine exists
 * (a developer laptop, a CI with Docker) and is skipped cleanly where none does.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @Test
    void providerToConsumerOnAContainerisedBroker() {
        EndToEndIT.providerToConsumer(KAFKA.getBootstrapServers());
    }
}
