package com.example.workloads;

/** Neither Runnable nor Callable. */
public class NotATask {
}
