/**
 * The seam every output format plugs into: {@code ReportFormat} (a file name and a write from the
 * model and the verdict), the {@code Format} vocabulary the {@code formats} parameter chooses from,
 * and atomic file writing. The formats themselves live in the packages below it and use it;
 * this package uses none of them.
 */
package io.github.speedup.format;
