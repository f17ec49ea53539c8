/**
 * Work whose cause of not scaling is known by construction, for the breakdown's accuracy tests: a
 * package outside the plugin's, as a project's own code is, so that its frames are the user's.
 */
package com.example.breakdown;
