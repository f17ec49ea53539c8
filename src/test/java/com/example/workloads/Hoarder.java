package com.example.workloads;

import java.util.ArrayList;
import java.util.List;

/** Keeps allocating until the heap is gone. */
public class Hoarder implements Runnable {
    @Override
    public void run() {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 20]);
        }
    }
}
