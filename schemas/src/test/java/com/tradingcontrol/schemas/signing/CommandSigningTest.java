package com.tradingcontrol.schemas.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.EngageKillSwitch;
import com.tradingcontrol.schemas.avro.IdempotencyBinding;
import com.tradingcontrol.schemas.avro.PauseTrading;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandSigningTest {
    private static final byte[] API = CommandKeys.generate();
    private static final CommandSigner SIGNER = new CommandSigner("api-1", API);
    private static final CommandVerifier VERIFIER = new CommandVerifier(Map.of("api-1", API));

    private static CommandEnvelope command() {
        CommandEnvelope envelope = CommandEnvelope.newBuilder().setCommandId("c-1").setRequestId("r-1")
                .setIssuedAt(Instant.parse("2026-03-02T09:00:00Z"))
                .setActor(new Actor("olga", null, List.of("operator"))).setExpectedVersion(null)
                .setPayload(new PauseTrading("tenant:t1", "fills", null)).build();
        envelope.setIdempotency(new IdempotencyBinding("K", "fp"));
        return envelope;
    }

    @Test
    void aSignedCommandVerifiesAndEveryChangeOfAFieldThatMattersBreaksTheSignature() {
        CommandEnvelope signed = SIGNER.sign(command());
        assertThat(VERIFIER.verify(signed)).isEqualTo(CommandVerifier.Result.VALID);

        List<Consumer<CommandEnvelope>> tampering = new ArrayList<>(List.of(
                e -> e.setCommandId("c-2"),
                e -> e.setRequestId("r-2"),
                e -> e.setIssuedAt(e.getIssuedAt().plusMillis(1)),
                e -> e.setExpectedVersion(3L),
                e -> e.setActor(new Actor("olga", null, List.of("admin"))),
                e -> e.setActor(new Actor("olga", "t1", List.of("operator"))),
                e -> e.setActor(new Actor("mallory", null, List.of("operator"))),
                e -> e.setPayload(new PauseTrading("global", "fills", null)),
                e -> e.setPayload(new PauseTrading("tenant:t1", "other", null)),
                e -> e.setPayload(new EngageKillSwitch("fills")),
                e -> e.setIdempotency(new IdempotencyBinding("K", "other")),
                e -> e.setIdempotency(null)));
        for (Consumer<CommandEnvelope> change : tampering) {
            CommandEnvelope tampered = CommandEnvelope.newBuilder(signed).build();
            change.accept(tampered);
            assertThat(VERIFIER.verify(tampered)).as(tampered.toString()).isEqualTo(CommandVerifier.Result.BAD_SIGNATURE);
        }
    }

    @Test
    void unsignedUnknownKeyAndAnotherKeysSignatureAreRefused() {
        byte[] other = CommandKeys.generate();
        assertThat(VERIFIER.verify(command())).isEqualTo(CommandVerifier.Result.UNSIGNED);
        assertThat(VERIFIER.verify(new CommandSigner("api-2", other).sign(command())))
                .isEqualTo(CommandVerifier.Result.UNKNOWN_KEY);
        assertThat(VERIFIER.verify(new CommandSigner("api-1", other).sign(command())))
                .isEqualTo(CommandVerifier.Result.BAD_SIGNATURE);
        assertThatThrownBy(() -> new CommandVerifier(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewFieldWithADefaultKeepsSignaturesMadeWithoutItValid() throws Exception {
        CommandEnvelope signed = SIGNER.sign(command());
        Schema current = CommandEnvelope.getClassSchema();
        Schema next = new Schema.Parser().parse(current.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"desk\",\"type\":[\"null\",\"string\"],\"default\":null},"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<CommandEnvelope>(current).write(signed, encoder);
        encoder.flush();
        GenericRecord readByNext = new GenericDatumReader<GenericRecord>(current, next)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(readByNext.get("desk")).isNull();
        assertThat(CanonicalForm.ofEnvelope(readByNext)).isEqualTo(CanonicalForm.of(signed));
    }

    @Test
    void theLocalKeyIsCreatedOnceAndShortOrMalformedKeysAreRefused(@TempDir Path dir) throws Exception {
        Path file = CommandKeys.loadOrCreate(dir);
        String content = Files.readString(file);
        assertThat(CommandKeys.loadOrCreate(dir)).isEqualTo(file);
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

        byte[] key = CommandKeys.read(file);
        assertThat(new CommandVerifier(Map.of("local", key)).verify(new CommandSigner("local", key).sign(command())))
                .isEqualTo(CommandVerifier.Result.VALID);
        Path shortKey = Files.writeString(dir.resolve("short"), "c2hvcnQ=");
        assertThatThrownBy(() -> CommandKeys.read(shortKey)).hasMessageContaining("at least 32");
        Path notBase64 = Files.writeString(dir.resolve("garbage"), "not base64 at all!");
        assertThatThrownBy(() -> CommandKeys.read(notBase64)).hasMessageContaining(notBase64.toString());
        assertThatThrownBy(() -> new CommandSigner("k", new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
