/** The summary a person reads in a CI job page or a pull request comment. */
package io.github.speedup.format.markdown;
