package io.github.speedup.maven;

import io.github.speedup.config.WorkloadInput;

/**
 * One {@code <workload>} element of the POM. Maven fills the fields by name; everything is
 * validated later, by the configuration parser, so errors can name the parameter.
 */
public class WorkloadParameter {

    private String name;
    private String kind;
    private String className;
    private String method;
    private Integer tasks;
    private Integer size;
    private Integer payloadBytes;
    private String modes;
    private String workers;
    private Integer maxTimeInSeconds;
    private Double targetPrecision;

    private Integer batchSize;

    WorkloadInput toInput() {
        return new WorkloadInput(name, kind, className, method, tasks, size, payloadBytes, modes, workers,
                maxTimeInSeconds, targetPrecision, batchSize);
    }
}
