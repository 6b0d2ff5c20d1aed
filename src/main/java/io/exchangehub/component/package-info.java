/**
 * What the hub's own Camel components ({@code ews:} in {@code component.ews}, {@code msgraph:}
 * in {@code component.msgraph}) share: where their consumers get tokens when no exchange
 * carries one ({@link io.exchangehub.component.AccessTokenProvider}) and where they keep sync
 * states, delta links and subscription secrets across restarts and instances
 * ({@link io.exchangehub.component.StateStore}).
 */
package io.exchangehub.component;
