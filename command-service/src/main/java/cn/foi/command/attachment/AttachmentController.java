package cn.foi.command.attachment;

import cn.foi.command.problem.InvalidInput;
import cn.foi.command.problem.NotFound;
import cn.foi.command.problem.TooLarge;
import cn.foi.command.problem.UnsupportedType;
import cn.foi.command.request.RequestCommands.AttachFile;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Files kept for a request, in MongoDB GridFS (bucket {@code attachments} of the command database): stored first, then
 * recorded as an event of the request; a refused record takes the stored file back, so nothing is half-saved. Read
 * back byte for byte, only by those who may read the request (the agency check of every /api call).
 */
@RestController
class AttachmentController {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    record Attachment(String attachmentId, String name, long size, String contentType, String sha256, java.time.Instant uploadedAt) {
    }

    private final GridFSBucket bucket;
    private final com.mongodb.client.MongoCollection<Document> files;
    private final CommandGateway commands;
    private final cn.foi.command.request.RequestDirectory requests;

    AttachmentController(MongoDatabase commandDatabase, CommandGateway commands, cn.foi.command.request.RequestDirectory requests) {
        this.bucket = GridFSBuckets.create(commandDatabase, "attachments");
        this.files = commandDatabase.getCollection("attachments.files");
        this.commands = commands;
        this.requests = requests;
    }

    @PostMapping("/api/requests/{requestId}/attachments")
    ResponseEntity<Attachment> upload(@PathVariable String requestId, @RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInput("请选择要上传的文件（文件不能为空） (the file is empty)");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new TooLarge(tooLarge());
        }
        String name = fileName(file.getOriginalFilename());
        byte[] head = new byte[8];
        int read;
        try (InputStream in = file.getInputStream()) {
            read = in.readNBytes(head, 0, head.length);
        }
        AttachmentType type = AttachmentType.of(java.util.Arrays.copyOf(head, read), name)
                .orElseThrow(() -> new UnsupportedType("不支持的文件类型：" + name + "。仅接受 " + AttachmentType.ACCEPTED
                                                   + " (unsupported file type)"));
        String digest;
        try (InputStream in = file.getInputStream()) {
            MessageDigest sha256 = sha256();
            new DigestInputStream(in, sha256).transferTo(java.io.OutputStream.nullOutputStream());
            digest = HexFormat.of().formatHex(sha256.digest());
        }
        ObjectId id;
        try (InputStream in = file.getInputStream()) {
            id = bucket.uploadFromStream(name, in, new GridFSUploadOptions().metadata(
                    new Document("requestId", requestId).append("contentType", type.contentType()).append("sha256", digest)));
        }
        try {
            commands.sendAndWait(new AttachFile(requestId, id.toHexString(), name, file.getSize(), type.contentType(), digest));
        } catch (RuntimeException refused) {
            bucket.delete(id); // not recorded: not kept
            throw refused;
        }
        // listed once recorded: a file stored by a call that stopped before its event is never shown
        files.updateOne(Filters.eq("_id", id), com.mongodb.client.model.Updates.set("metadata.recorded", true));
        GridFSFile stored = bucket.find(Filters.eq("_id", id)).first();
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(new Attachment(id.toHexString(), name, file.getSize(), type.contentType(), digest,
                                                  stored == null ? null : stored.getUploadDate().toInstant()));
    }

    @GetMapping("/api/requests/{requestId}/attachments")
    List<Attachment> list(@PathVariable String requestId) {
        List<Attachment> attachments = new ArrayList<>();
        for (GridFSFile stored : bucket.find(Filters.and(Filters.eq("metadata.requestId", requestId), Filters.eq("metadata.recorded", true)))
                                       .sort(new Document("uploadDate", 1))) {
            attachments.add(describe(stored));
        }
        return attachments;
    }

    @GetMapping("/api/requests/{requestId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable String requestId, @PathVariable String attachmentId) throws IOException {
        GridFSFile stored = ObjectId.isValid(attachmentId) ? bucket.find(Filters.eq("_id", new ObjectId(attachmentId))).first() : null;
        if (stored == null || stored.getMetadata() == null || !requestId.equals(stored.getMetadata().getString("requestId"))) {
            throw new NotFound("该申请没有附件 " + attachmentId + " (no such attachment of this request)");
        }
        // a scanned application shows everything the masked fields hide: only for those who see the agency's personal data
        String agencyId = requests.find(requestId).map(r -> r.agencyId()).orElse(null);
        if (cn.foi.access.Caller.current().filter(c -> agencyId != null && c.seesPersonalDataOf(agencyId)).isEmpty()) {
            throw new cn.foi.access.Forbidden("附件含申请人个人信息，仅本机关经办人员可以下载 (attachments hold personal data: the agency's own staff only)");
        }
        byte[] bytes;
        try (InputStream in = bucket.openDownloadStream(stored.getObjectId())) {
            bytes = in.readAllBytes();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.getMetadata().getString("contentType")))
                             .header("Content-Disposition", ContentDisposition.attachment()
                                                                              .filename(stored.getFilename(), StandardCharsets.UTF_8)
                                                                              .build().toString())
                             .header("X-Content-SHA256", sha256Of(bytes))
                             .body(bytes);
    }

    private Attachment describe(GridFSFile stored) {
        Document metadata = stored.getMetadata() == null ? new Document() : stored.getMetadata();
        return new Attachment(stored.getObjectId().toHexString(), stored.getFilename(), stored.getLength(),
                              metadata.getString("contentType"), metadata.getString("sha256"), stored.getUploadDate().toInstant());
    }

    /** The name as the applicant's file had it, without a client's path. */
    private static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("文件名为空、过长或含控制字符 (a file name of 1–200 printable characters is required)");
        }
        return name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static String tooLarge() {
        return "文件超过 20 MB，未保存 (the file is larger than 20 MB)";
    }
}
