package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.SandboxProperties;
import io.exchangehub.sandbox.fault.FaultRule;
import io.exchangehub.sandbox.fault.SandboxFaults;
import io.exchangehub.sandbox.issuer.InvalidTokenException;
import io.exchangehub.sandbox.issuer.SandboxCaller;
import io.exchangehub.sandbox.issuer.SandboxIssuer;
import io.exchangehub.sandbox.issuer.SandboxTokenVerifier;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.StoreException;
import io.exchangehub.sandbox.web.Connections;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * {@code POST /sandbox/ews/Exchange.asmx}: the sandbox's Exchange Web Services, SOAP 1.1 as
 * Exchange 2019 speaks it. Authenticates the bearer token as Exchange does (401 with
 * {@code WWW-Authenticate} and {@code x-ms-diagnostics}), reads the envelope, checks the
 * requested version and impersonation, applies the fault switches, and dispatches on the body
 * element. Nothing of a token or a message body is ever logged.
 */
@RestController
class EwsEndpoint {

    static final String PATH = "/sandbox/ews/Exchange.asmx";

    private static final Logger log = LoggerFactory.getLogger(EwsEndpoint.class);
    private static final String ACTION_PREFIX = Soap.MESSAGES + "/";

    /**
     * The request element of every operation of Exchange's services.wsdl (a few are named
     * {@code …Request}); the sandbox implements the ones the hub uses.
     */
    private static final Set<String> REQUEST_ELEMENTS = Set.of(
            "AddDelegate", "AddDistributionGroupToImList", "AddImContactToGroup", "AddImGroup", "AddNewImContactToGroup",
            "AddNewTelUriContactToGroup", "AddTag", "ApplyConversationAction", "ArchiveItem", "ConvertId", "CopyFolder",
            "CopyItem", "CreateAttachment", "CreateFolder", "CreateFolderPath", "CreateItem", "CreateManagedFolder",
            "CreateMeetingInstanceRequest", "CreateMeetingSpace", "CreateOrUpdateFocusedOtherOverride",
            "CreateUserConfiguration", "DeleteAttachment", "DeleteFocusedOtherOverride", "DeleteFolder", "DeleteItem",
            "DeleteMeetingInstanceRequest", "DeleteMeetingSpace", "DeleteSearchSuggestion", "DeleteUserConfiguration",
            "DisableApp", "DisconnectPhoneCall", "EmptyFolder", "EndSearchSession", "ExecuteSearch", "ExpandDL",
            "ExportItems", "FindAvailableMeetingTimes", "FindConversation", "FindFolder", "FindItem",
            "FindMeetingSpaceByJoinUrl", "FindMeetingTimeCandidates", "FindMessageTrackingReport", "FindPeople", "FindTags",
            "GetAppManifests", "GetAppMarketplaceUrl", "GetAttachment", "GetClientAccessToken", "GetConversationItems",
            "GetDelegate", "GetDiscoverySearchConfiguration", "GetEvents", "GetFocusedOtherOverrides", "GetFolder",
            "GetHoldOnMailboxes", "GetImItemList", "GetImItems", "GetInboxRules", "GetItem", "GetLastPrivateCatalogUpdate",
            "GetMailTips", "GetMeetingInstanceRequest", "GetMeetingSpace", "GetMessageTrackingReport",
            "GetNonIndexableItemDetails", "GetNonIndexableItemStatistics", "GetPasswordExpirationDate", "GetPersona",
            "GetPhoneCallInformation", "GetPrivateCatalogAddIns", "GetRoomLists", "GetRooms", "GetSearchSuggestions",
            "GetSearchableMailboxes", "GetServerTimeZones", "GetServiceConfiguration", "GetSharingFolder",
            "GetSharingMetadata", "GetSpecificUserConfiguration", "GetStreamingEvents", "GetUserAvailabilityRequest",
            "GetUserConfiguration", "GetUserOofSettingsRequest", "GetUserPhoto", "GetUserRetentionPolicyTags", "HideTag",
            "InstallApp", "MarkAllItemsAsRead", "MarkAsJunk", "MoveFolder", "MoveItem", "PlayOnPhone",
            "RefreshSharingFolder", "RegisterConsent", "RemoveContactFromImList", "RemoveDelegate",
            "RemoveDistributionGroupFromImList", "RemoveImContactFromGroup", "RemoveImGroup", "ReportMessage",
            "ResolveNames", "SearchMailboxes", "SendItem", "SetHoldOnMailboxes", "SetImGroup",
            "SetImListMigrationCompleted", "SetTeamMailbox", "SetUserOofSettingsRequest", "SetUserPhoto",
            "StartSearchSession", "Subscribe", "SyncFolderHierarchy", "SyncFolderItems", "UninstallApp", "UnpinTeamMailbox",
            "Unsubscribe", "UpdateDelegate", "UpdateExtensionUsage", "UpdateFolder", "UpdateInboxRules", "UpdateItem",
            "UpdateItemInRecoverableItems", "UpdateMeetingInstanceRequest", "UpdateMeetingSpace", "UpdateUserConfiguration",
            "UploadItems");

    private final Map<String, EwsOperation> operations = new HashMap<>();
    private final Map<String, EwsStreamingOperation> streamingOperations = new HashMap<>();
    private final SandboxStore store;
    private final SandboxTokenVerifier verifier;
    private final SandboxIssuer issuer;
    private final SandboxProperties sandbox;
    private final SandboxFaults faults;
    private final EwsProperties properties;

    EwsEndpoint(List<EwsOperation> operations, List<EwsStreamingOperation> streamingOperations, SandboxStore store,
            SandboxTokenVerifier verifier, SandboxIssuer issuer, SandboxProperties sandbox, SandboxFaults faults,
            EwsProperties properties) {
        operations.forEach(operation -> this.operations.put(operation.name(), operation));
        streamingOperations.forEach(operation -> this.streamingOperations.put(operation.name(), operation));
        this.store = store;
        this.verifier = verifier;
        this.issuer = issuer;
        this.sandbox = sandbox;
        this.faults = faults;
        this.properties = properties;
    }

    @PostMapping(PATH)
    void exchange(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long limit = properties.maxRequestSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            tooLarge(response);
            return;
        }
        SandboxCaller token;
        try {
            token = verifier.verify(request.getHeader("Authorization"), sandbox.ewsAudience());
            requireEwsPermission(token);
        } catch (InvalidTokenException e) {
            unauthorized(response, e);
            return;
        }
        try (RequestReader reader = new RequestReader()) {
            XmlIn envelope;
            try {
                envelope = reader.read(RequestTooLargeException.limit(request.getInputStream(), limit));
            } catch (RequestTooLargeException e) {
                tooLarge(response);
                return;
            }
            EwsRequest ewsRequest = interpret(envelope, token, reader, request.getHeader("SOAPAction"));
            FaultRule rule = faults.take("ews", ewsRequest.caller().address(), ewsRequest.name()).orElse(null);
            if (rule != null) {
                SandboxFaults.delay(rule);
                if (applyFault(rule, response)) {
                    return;
                }
            }
            EwsStreamingOperation streaming = streamingOperations.get(ewsRequest.name());
            if (streaming != null) {
                streaming.stream(ewsRequest, response);
                return;
            }
            XmlOut answer = operations.get(ewsRequest.name()).execute(ewsRequest);
            write(response, HttpServletResponse.SC_OK, Envelopes.answer(answer));
        } catch (SoapFault fault) {
            log.debug("EWS fault {}", fault.faultCode());
            write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Envelopes.fault(fault));
        } catch (StoreException e) {
            write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    Envelopes.fault(SoapFault.ews(EwsError.of(e).code(), e.getMessage())));
        } catch (IOException e) {
            if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                log.debug("EWS client went away: {}", e.getClass().getName());
            } else {
                // an attachment or MIME that cannot be read breaks the answer off: that must not pass for a client leaving
                log.warn("EWS answer failed", e);
            }
        } catch (RuntimeException e) {
            log.warn("EWS request failed unexpectedly", e);
            write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Envelopes.fault(SoapFault.ews(
                    "ErrorInternalServerError", "An internal server error occurred. The operation failed.")));
        }
    }

    /** Reads the envelope: the SOAP structure, the requested version, impersonation, and the operation. */
    private EwsRequest interpret(XmlIn envelope, SandboxCaller token, RequestReader reader, String soapAction) {
        if (!envelope.name().equals("Envelope") || !envelope.namespace().equals(Soap.ENVELOPE)) {
            throw SoapFault.schema(envelope, "The root element must be a SOAP 1.1 Envelope ('" + Soap.ENVELOPE
                    + "'), not '" + envelope.name() + "' in namespace '" + envelope.namespace() + "'.");
        }
        XmlIn header = envelope.child("Header");
        XmlIn body = envelope.child("Body");
        if (body == null || body.children().size() != 1) {
            throw SoapFault.schema(body == null ? envelope : body, "The SOAP Body must contain exactly one operation element.");
        }
        XmlIn operation = body.first();
        String name = operation.name();
        if (!operation.namespace().equals(Soap.MESSAGES) || !REQUEST_ELEMENTS.contains(name)) {
            throw SoapFault.schema(operation, "The element 'Body' in namespace '" + Soap.ENVELOPE
                    + "' has invalid child element '" + name + "' in namespace '" + operation.namespace() + "'.");
        }
        if (soapAction != null) {
            String action = soapAction.strip();
            if (action.length() >= 2 && action.startsWith("\"") && action.endsWith("\"")) {
                action = action.substring(1, action.length() - 1);
            }
            String operationName = name.endsWith("Request") ? name.substring(0, name.length() - 7) : name;
            if (!action.isEmpty() && !action.equals(ACTION_PREFIX + operationName)) {
                throw SoapFault.actionNotSupported(action);
            }
        }
        EwsVersion version = requestedVersion(header);
        if (!version.atLeast(EwsVersion.OLDEST_SERVED)) {
            throw SoapFault.ews("ErrorInvalidServerVersion", "The specified server version is invalid.");
        }
        EwsCaller caller = caller(token, header == null ? null : header.child("ExchangeImpersonation"));
        if (!operations.containsKey(name) && !streamingOperations.containsKey(name)) {
            throw SoapFault.ews("ErrorInvalidOperation", "The sandbox does not implement the operation '" + name + "'.");
        }
        return new EwsRequest(operation, version, caller, store, reader);
    }

    private static EwsVersion requestedVersion(XmlIn header) {
        XmlIn element = header == null ? null : header.child("RequestServerVersion");
        if (element == null) {
            return EwsVersion.UNSPECIFIED;
        }
        String value = element.attr("Version");
        EwsVersion version = EwsVersion.parse(value);
        if (version == null) {
            throw SoapFault.schema(element, "The 'Version' attribute is invalid - The value '" + value + "' is invalid according to "
                    + "its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:ExchangeVersionType' - The "
                    + "Enumeration constraint failed.");
        }
        return version;
    }

    /**
     * A delegated token acts as its user; an app-only token ({@code full_access_as_app}) must name
     * the mailbox in an ExchangeImpersonation header, which a user's token may not use.
     */
    private EwsCaller caller(SandboxCaller token, XmlIn impersonation) {
        if (!token.appOnly()) {
            if (impersonation != null) {
                throw SoapFault.ews("ErrorImpersonateUserDenied",
                        "The account does not have permission to impersonate the requested user.");
            }
            return new EwsCaller(token.upn().toLowerCase(Locale.ROOT), false);
        }
        if (impersonation == null) {
            throw SoapFault.ews("ErrorInvalidExchangeImpersonationHeaderData",
                    "ExchangeImpersonation SOAP header must be present for this type of OAuth token.");
        }
        XmlIn sid = impersonation.child("ConnectingSID");
        String address = null;
        if (sid != null) {
            for (String field : List.of("PrimarySmtpAddress", "SmtpAddress", "PrincipalName")) {
                if (sid.childText(field) != null) {
                    address = sid.childText(field).strip();
                }
            }
        }
        if (address == null || address.isEmpty()) {
            throw SoapFault.ews("ErrorInvalidExchangeImpersonationHeaderData",
                    "The impersonation header must name the user by PrimarySmtpAddress, SmtpAddress or PrincipalName.");
        }
        if (!store.hasMailbox(address)) {
            throw SoapFault.ews("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.");
        }
        return new EwsCaller(address.toLowerCase(Locale.ROOT), true);
    }

    private static void requireEwsPermission(SandboxCaller token) {
        boolean allowed = token.appOnly() ? token.roles().contains("full_access_as_app")
                : token.scopes().contains("EWS.AccessAsUser.All");
        if (!allowed || !token.appOnly() && token.upn() == null) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED,
                    "The token grants neither EWS.AccessAsUser.All nor full_access_as_app.");
        }
    }

    /** Applies a fault switch; returns whether the request is answered by it. */
    private static boolean applyFault(FaultRule rule, HttpServletResponse response) throws IOException {
        switch (rule.fault()) {
            case BUSY -> {
                write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Envelopes.fault(SoapFault.serverBusy(rule.backOffMs())));
                return true;
            }
            case HTTP_ERROR -> {
                response.setStatus(rule.status());
                response.setContentLength(0);
                return true;
            }
            case DROP -> {
                Connections.drop(response, Soap.CONTENT_TYPE);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void unauthorized(HttpServletResponse response, InvalidTokenException e) {
        String[] diagnostic = switch (e.reason()) {
            case MISSING -> new String[] {"2000000", "missing_token"};
            case MALFORMED -> new String[] {"2000001", "invalid_token"};
            case BAD_SIGNATURE -> new String[] {"2000002", "invalid_signature"};
            case WRONG_AUDIENCE -> new String[] {"2000003", "invalid_resource"};
            case WRONG_ISSUER -> new String[] {"2000005", "invalid_issuer"};
            case EXPIRED, NOT_YET_VALID -> new String[] {"2000008", "invalid_lifetime"};
        };
        StringBuilder challenge = new StringBuilder("Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", ")
                .append("trusted_issuers=\"").append(sandbox.tenantId()).append("@*\", ")
                .append("token_types=\"app_asserted_user_v1 service_asserted_app_v1\", ")
                .append("authorization_uri=\"").append(issuer.authorizationEndpoint()).append('"');
        if (e.reason() != InvalidTokenException.Reason.MISSING) {
            challenge.append(", error=\"invalid_token\"");
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", challenge.toString());
        response.setHeader("x-ms-diagnostics", diagnostic[0] + ";reason=\"" + e.getMessage().replace('"', '\'')
                + "\";error_category=\"" + diagnostic[1] + "\"");
        response.setContentLength(0);
    }

    private static void tooLarge(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentLength(0);
    }

    private static void write(HttpServletResponse response, int status, XmlOut envelope) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(Soap.CONTENT_TYPE);
        response.setHeader("Cache-Control", "private");
        OutputStream out = response.getOutputStream();
        ResponseWriter.write(envelope, out);
        out.flush();
    }
}
