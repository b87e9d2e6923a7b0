/** Helpers shared inside backprop. Unsupported for outside use: they may change in any release. */
package io.github.backprop.internal;
