/**
 * The cluster mode on Hazelcast: {@code HazelcastCluster} on the host starts W members
 * ({@code ClusterMember}) and a client ({@code ClusterDriver}), or only the client for an existing
 * cluster; the client submits {@code ClusterTask}s to the cluster's executor service, and each member
 * keeps the tasks it made for an iteration ({@code MemberTasks}). Its JVMs are children like the
 * others, started by the same launcher, spoken to in the same protocol and ended by the same
 * guarantees. Only the member and the driver touch Hazelcast, which is on the cluster JVMs' class path
 * alone, never on Maven's.
 */
package io.github.speedup.execution.cluster;
