package no.fint.platform.demo;

/** {@code ./fint adapter demo ...}: the demo adapter. Not built yet (see the provider issue). */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) {
        System.err.println("fint: the demo adapter is not built yet");
        System.exit(2);
    }
}
