package io.exchangehub.component.msgraph.operations;

import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.MailFolderCollectionResponse;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.graph.users.item.mailfolders.item.move.MovePostRequestBody;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.MsGraphOperation;
import io.exchangehub.component.msgraph.client.MsGraphBatch;
import io.exchangehub.component.msgraph.mapping.FolderMapper;
import io.exchangehub.model.DeleteMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mail folders. The tree is read level by level, each level's child lists in {@code $batch}es
 * (the first batch also asks which folders the well-known names stand for, which Graph v1.0 does
 * not say on the folder itself), so a mailbox of a hundred folders costs a handful of round trips.
 */
public final class FolderOperations {

    /** The well-known names the model reports, and Graph's root of the folder tree. */
    static final List<String> WELL_KNOWN = List.of("inbox", "drafts", "sentitems", "deleteditems", "junkemail", "outbox", "archive",
            "conversationhistory");
    private static final String ROOT = "msgfolderroot";
    private static final int PAGE = 250;

    public MsGraphResponse process(MsGraphOperation operation, MsGraphRequest request) {
        return switch (operation) {
            case listFolders -> MsGraphResponse.of(list(request));
            case getFolder -> MsGraphResponse.of(get(request, request.required(MsGraphConstants.FOLDER_ID)));
            case createFolder -> MsGraphResponse.of(create(request));
            case renameFolder -> MsGraphResponse.of(rename(request));
            case moveFolder -> MsGraphResponse.of(move(request));
            case deleteFolder -> {
                String id = request.required(MsGraphConstants.FOLDER_ID);
                boolean permanent = request.deleteMode() != DeleteMode.MOVE_TO_DELETED_ITEMS;
                request.run(id, user -> {
                    if (permanent) {
                        user.mailFolders().byMailFolderId(id).permanentDelete().post(request.call()::attach);
                    } else {
                        user.mailFolders().byMailFolderId(id).delete(request.call()::attach);
                    }
                });
                yield MsGraphResponse.none();
            }
            default -> throw new IllegalArgumentException("Not a folder operation: " + operation);
        };
    }

    /** The ids of the well-known folders and of the root: one {@code $batch}. */
    private record Names(Map<String, String> byId, String rootId) {}

    private List<io.exchangehub.model.MailFolder> list(MsGraphRequest request) {
        List<MsGraphBatch.Step> steps = new ArrayList<>();
        UserItemRequestBuilder user = request.user(request.client().graph());
        steps.add(new MsGraphBatch.Step("top", user.mailFolders().toGetRequestInformation(c -> {
            c.queryParameters.top = PAGE;
            c.queryParameters.select = FolderMapper.SELECT;
        })));
        steps.addAll(nameSteps(user));
        List<MsGraphBatch.Answer> answers = request.batch().send(request.call(), steps);
        MsGraphBatch.Answer top = answers.get(0);
        if (!top.succeeded()) {
            throw top.error(null);
        }
        Names names = names(answers.subList(1, answers.size()));

        Map<String, List<MailFolder>> children = new HashMap<>();
        List<MailFolder> roots = collect(request, top.as(MailFolderCollectionResponse::createFromDiscriminatorValue));
        List<MailFolder> level = roots;
        while (!level.isEmpty()) {
            List<MailFolder> parents = level.stream().filter(f -> f.getChildFolderCount() != null && f.getChildFolderCount() > 0).toList();
            List<MailFolder> next = new ArrayList<>();
            for (int i = 0; i < parents.size(); i += MsGraphBatch.MAX_STEPS) {
                List<MailFolder> chunk = parents.subList(i, Math.min(i + MsGraphBatch.MAX_STEPS, parents.size()));
                List<MsGraphBatch.Step> childSteps = new ArrayList<>();
                for (MailFolder parent : chunk) {
                    childSteps.add(new MsGraphBatch.Step(Integer.toString(childSteps.size()),
                            user.mailFolders().byMailFolderId(parent.getId()).childFolders().toGetRequestInformation(c -> {
                                c.queryParameters.top = PAGE;
                                c.queryParameters.select = FolderMapper.SELECT;
                            })));
                }
                List<MsGraphBatch.Answer> childAnswers = request.batch().send(request.call(), childSteps);
                for (int j = 0; j < chunk.size(); j++) {
                    MsGraphBatch.Answer answer = childAnswers.get(j);
                    if (!answer.succeeded()) {
                        throw answer.error(chunk.get(j).getId());
                    }
                    List<MailFolder> found = collect(request, answer.as(MailFolderCollectionResponse::createFromDiscriminatorValue));
                    children.put(chunk.get(j).getId(), found);
                    next.addAll(found);
                }
            }
            level = next;
        }
        List<io.exchangehub.model.MailFolder> result = new ArrayList<>();
        for (MailFolder folder : roots) {
            addTree(result, folder, null, "", children, names);
        }
        return List.copyOf(result);
    }

    /** A page of folders and the pages after it, if a parent has more children than a page holds. */
    private static List<MailFolder> collect(MsGraphRequest request, MailFolderCollectionResponse page) {
        List<MailFolder> folders = new ArrayList<>(page.getValue() == null ? List.of() : page.getValue());
        String next = page.getOdataNextLink();
        while (next != null) {
            String link = next;
            MailFolderCollectionResponse more = request.graph(null, user -> user.mailFolders().withUrl(link).get(request.call()::attach));
            folders.addAll(more.getValue());
            next = more.getOdataNextLink();
        }
        return folders;
    }

    private static void addTree(List<io.exchangehub.model.MailFolder> result, MailFolder folder, String parentId, String parentPath,
            Map<String, List<MailFolder>> children, Names names) {
        String path = parentPath + "/" + folder.getDisplayName();
        result.add(FolderMapper.toModel(folder, parentId, path, names.byId().get(folder.getId())));
        for (MailFolder child : children.getOrDefault(folder.getId(), List.of())) {
            addTree(result, child, folder.getId(), path, children, names);
        }
    }

    private static List<MsGraphBatch.Step> nameSteps(UserItemRequestBuilder user) {
        List<MsGraphBatch.Step> steps = new ArrayList<>();
        for (String name : WELL_KNOWN) {
            steps.add(new MsGraphBatch.Step(name, user.mailFolders().byMailFolderId(name)
                    .toGetRequestInformation(c -> c.queryParameters.select = new String[] {"id"})));
        }
        steps.add(new MsGraphBatch.Step(ROOT, user.mailFolders().byMailFolderId(ROOT)
                .toGetRequestInformation(c -> c.queryParameters.select = new String[] {"id"})));
        return steps;
    }

    /** The ids the well-known names stand for; a name the mailbox lacks (no archive) is left out. */
    private static Names names(List<MsGraphBatch.Answer> answers) {
        Map<String, String> byId = new LinkedHashMap<>();
        String root = null;
        for (MsGraphBatch.Answer answer : answers) {
            if (!answer.succeeded()) {
                if (answer.status() != 404) {
                    throw answer.error(answer.id());
                }
                continue;
            }
            String id = answer.as(MailFolder::createFromDiscriminatorValue).getId();
            if (answer.id().equals(ROOT)) {
                root = id;
            } else {
                byId.put(id, answer.id());
            }
        }
        return new Names(byId, root);
    }

    /** One folder with its path: the folder and the well-known names in one batch, then one request per ancestor. */
    private io.exchangehub.model.MailFolder get(MsGraphRequest request, String id) {
        UserItemRequestBuilder user = request.user(request.client().graph());
        List<MsGraphBatch.Step> steps = new ArrayList<>();
        steps.add(new MsGraphBatch.Step("folder", user.mailFolders().byMailFolderId(id)
                .toGetRequestInformation(c -> c.queryParameters.select = FolderMapper.SELECT)));
        steps.addAll(nameSteps(user));
        List<MsGraphBatch.Answer> answers = request.batch().send(request.call(), steps);
        if (!answers.get(0).succeeded()) {
            throw answers.get(0).error(id);
        }
        MailFolder folder = answers.get(0).as(MailFolder::createFromDiscriminatorValue);
        return describe(request, folder, names(answers.subList(1, answers.size())));
    }

    private io.exchangehub.model.MailFolder describe(MsGraphRequest request, MailFolder folder, Names names) {
        List<String> ancestors = new ArrayList<>();
        String parentId = folder.getParentFolderId();
        while (parentId != null && !parentId.equals(names.rootId())) {
            String current = parentId;
            MailFolder parent = request.graph(current, user -> user.mailFolders().byMailFolderId(current).get(c -> {
                request.call().attach(c);
                c.queryParameters.select = new String[] {"id", "displayName", "parentFolderId"};
            }));
            ancestors.add(0, parent.getDisplayName());
            parentId = parent.getParentFolderId();
        }
        StringBuilder path = new StringBuilder();
        ancestors.forEach(name -> path.append('/').append(name));
        path.append('/').append(folder.getDisplayName());
        String modelParent = folder.getParentFolderId() == null || folder.getParentFolderId().equals(names.rootId()) ? null
                : folder.getParentFolderId();
        return FolderMapper.toModel(folder, modelParent, path.toString(), names.byId().get(folder.getId()));
    }

    private String name(MsGraphRequest request) {
        String name = request.header(MsGraphConstants.DISPLAY_NAME);
        if (name == null || name.isBlank()) {
            name = request.bodyText();
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The folder name is required: the header " + MsGraphConstants.DISPLAY_NAME
                    + " or the body");
        }
        return name.strip();
    }

    private io.exchangehub.model.MailFolder create(MsGraphRequest request) {
        MailFolder folder = new MailFolder();
        folder.setDisplayName(name(request));
        String parent = request.header(MsGraphConstants.FOLDER_ID);
        MailFolder created = request.graph(parent, user -> parent == null
                ? user.mailFolders().post(folder, request.call()::attach)
                : user.mailFolders().byMailFolderId(parent).childFolders().post(folder, request.call()::attach));
        return get(request, created.getId());
    }

    private io.exchangehub.model.MailFolder rename(MsGraphRequest request) {
        String id = request.required(MsGraphConstants.FOLDER_ID);
        MailFolder change = new MailFolder();
        change.setDisplayName(name(request));
        MailFolder renamed = request.graph(id, user -> user.mailFolders().byMailFolderId(id).patch(change, request.call()::attach));
        return get(request, renamed.getId());
    }

    private io.exchangehub.model.MailFolder move(MsGraphRequest request) {
        String id = request.required(MsGraphConstants.FOLDER_ID);
        MovePostRequestBody body = new MovePostRequestBody();
        body.setDestinationId(request.required(MsGraphConstants.DESTINATION_FOLDER_ID));
        MailFolder moved = request.graph(id, user -> user.mailFolders().byMailFolderId(id).move().post(body, request.call()::attach));
        return get(request, moved.getId());
    }
}
