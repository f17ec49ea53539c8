/**
 * Parameters as the user gave them ({@code RunParameters}, {@code GateParameters}) become validated
 * configurations, or a {@code ConfigurationException} that names the parameter, the value and what is
 * allowed. Every validation rule lives here, unit-tested without Maven. Builds the domain objects
 * of the packages below (workloads, modes, plans, fork settings, rules, formats), and holds the
 * default suite that runs when the POM names no workloads.
 */
package io.github.speedup.config;
