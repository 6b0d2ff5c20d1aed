package io.exchangehub.sandbox;

import io.exchangehub.sandbox.issuer.SandboxApps;
import io.exchangehub.sandbox.issuer.SandboxIssuer;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.SandboxStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /sandbox/info}: where everything of the sandbox is and who its users are, for
 * people and scripts (the README tour starts here). No authentication; sandbox mode only.
 */
@RestController
class SandboxInfoController {

    static final String EWS_PATH = "/sandbox/ews/Exchange.asmx";
    static final String GRAPH_PATH = "/sandbox/graph/v1.0";

    private final SandboxProperties properties;
    private final SandboxIssuer issuer;
    private final SandboxStore store;

    SandboxInfoController(SandboxProperties properties, SandboxIssuer issuer, SandboxStore store) {
        this.properties = properties;
        this.issuer = issuer;
        this.store = store;
    }

    @GetMapping(path = "/sandbox/info", produces = "application/json")
    Map<String, Object> info() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("mode", "sandbox");
        info.put("issuer", issuer.issuer());
        info.put("authority", issuer.authority());
        info.put("metadataUrl", issuer.metadataUrl());
        info.put("authorizationEndpoint", issuer.authorizationEndpoint());
        info.put("tokenEndpoint", issuer.tokenEndpoint());
        info.put("jwksUri", issuer.jwksUri());
        info.put("tenantId", properties.tenantId());
        info.put("clientId", properties.clientId());
        info.put("clientSecret", SandboxApps.HUB_SECRET);
        info.put("apiAudience", properties.apiAudience());
        info.put("apiScope", properties.apiAudience() + "/.default");
        info.put("ewsUrl", base + EWS_PATH);
        info.put("ewsAudience", properties.ewsAudience());
        info.put("ewsScope", properties.ewsAudience() + "/EWS.AccessAsUser.All");
        info.put("graphUrl", base + GRAPH_PATH);
        info.put("graphAudience", properties.graphAudience());
        info.put("graphScope", properties.graphAudience() + "/.default");
        info.put("tokenUrl", base + "/sandbox/token");
        info.put("faultsUrl", base + "/sandbox/faults");
        info.put("seed", properties.seed());
        info.put("anchor", properties.anchorOrToday().toString());
        List<Map<String, Object>> users = new ArrayList<>();
        for (Mailbox mailbox : store.mailboxes()) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("upn", mailbox.address);
            user.put("displayName", mailbox.displayName);
            user.put("backend", mailbox.backend);
            user.put("type", mailbox.type.name().toLowerCase());
            user.put("objectId", mailbox.objectId.toString());
            user.put("timeZone", mailbox.timeZone.getId());
            user.put("delegates", mailbox.delegates.stream().sorted().toList());
            users.add(user);
        }
        info.put("users", users);
        return info;
    }
}
