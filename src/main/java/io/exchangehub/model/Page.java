package io.exchangehub.model;

import java.util.List;

/**
 * One page of a list, with an opaque cursor to the next page.
 *
 * @param items      the page
 * @param nextCursor where the next page starts, null on the last page; opaque and URL-safe
 * @param totalCount how many items match in all, or null when the backend does not say
 */
public record Page<T>(List<T> items, String nextCursor, Integer totalCount) {}
