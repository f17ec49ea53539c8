package com.example.workloads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Opens its input relative to the working directory, as many tests do with src/test/resources. */
public class ReadsRelativeFile implements Callable<Integer> {
    @Override
    public Integer call() {
        try {
            int sum = 0;
            for (String line : Files.readAllLines(Path.of("data", "fixture.csv"))) {
                sum += Integer.parseInt(line.split(",")[1]);
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException("no data/fixture.csv in working directory "
                    + System.getProperty("user.dir"), e);
        }
    }
}
