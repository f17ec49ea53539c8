package com.acme;

import com.acme.lib.Work;

import java.util.concurrent.Callable;

/** The project's workload: one call of the library's method, compiled against this build's version of it. */
public class ChecksumTask implements Callable<Long> {

    @Override
    public Long call() {
        return Work.checksum(20_000_000L);
    }
}
