/**
 * What the enums that users and reports name by an id have in common. Uses nothing; every layer
 * may use it.
 */
package io.github.speedup.vocabulary;
