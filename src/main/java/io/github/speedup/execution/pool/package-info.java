/**
 * The pool mode: W warm worker JVMs started once per (workload, W), each task sent to whichever is free.
 * The host's executor ({@code WorkerPool}), the dispatch of an iteration's tasks to free workers, timed
 * apart from their compute ({@code TaskDispatch}, which the cluster's driver uses too), and the worker
 * in the child ({@code PoolWorker}).
 */
package io.github.speedup.execution.pool;
