/** Test doubles of the plug-in interfaces, for core's own tests. */
package io.github.backprop.testing;
