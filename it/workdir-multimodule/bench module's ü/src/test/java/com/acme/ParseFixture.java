package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Reads its input relative to the module's folder, as tests under Surefire do, and fails loudly
 * unless the argLine written over several lines and a property with a line break arrived as written.
 */
public class ParseFixture implements Callable<Integer> {
    private static final String BANNER = "first line\nsecond\t\"line\" # not a comment \\ 'ü' 😀";

    @Override
    public Integer call() {
        if (!"1".equals(System.getProperty("it.one")) || !"2".equals(System.getProperty("it.two"))) {
            throw new IllegalStateException("argLine properties: it.one=[" + System.getProperty("it.one")
                    + "] it.two=[" + System.getProperty("it.two") + "]");
        }
        if (!BANNER.equals(System.getProperty("it.banner"))) {
            throw new IllegalStateException("it.banner is [" + System.getProperty("it.banner") + "]");
        }
        try {
            int sum = 0;
            for (String line : Files.readAllLines(Path.of("src/test/resources/fixture.csv"))) {
                sum += Integer.parseInt(line.split(",")[1]);
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixture from working directory "
                    + System.getProperty("user.dir"), e);
        }
    }
}
