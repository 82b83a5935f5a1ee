package routes.local;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.local.*}: the in-JVM emulators of the embedded mode.
 *
 * @param dataDir where the DynamoDB emulator, ElasticMQ and the SNS stand-in keep their state; unset keeps
 *                everything in memory
 * @param dynamodbShardRollover    how long a DynamoDB stream shard takes writes before its child follows (AWS: about 4 h)
 * @param dynamodbStreamRetention  how long stream records stay readable (AWS: 24 h)
 * @param dynamodbIteratorLifetime how long a shard iterator stays valid (AWS: 15 min)
 * @param dynamodbTtlInterval      how often expired items (TTL) are deleted
 */
@Validated
@ConfigurationProperties("app.local")
public record LocalEmulatorProperties(
        @NotBlank @DefaultValue("127.0.0.1") String host,
        @Min(1) @Max(65535) @DefaultValue("8000") int dynamodbPort,
        @Min(1) @Max(65535) @DefaultValue("9324") int sqsPort,
        @Min(1) @Max(65535) @DefaultValue("9911") int snsPort,
        @NotBlank @DefaultValue("000000000000") String accountId,
        Path dataDir,
        @NotNull @DefaultValue("4h") Duration dynamodbShardRollover,
        @NotNull @DefaultValue("24h") Duration dynamodbStreamRetention,
        @NotNull @DefaultValue("15m") Duration dynamodbIteratorLifetime,
        @NotNull @DefaultValue("5s") Duration dynamodbTtlInterval) {}
