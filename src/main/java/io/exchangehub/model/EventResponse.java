package io.exchangehub.model;

/**
 * An attendee's answer to a meeting.
 *
 * @param response     ACCEPTED, TENTATIVE or DECLINED
 * @param comment      a message to the organizer, or null
 * @param sendResponse whether the organizer gets the answer by mail
 */
public record EventResponse(ResponseStatus response, String comment, boolean sendResponse) {}
