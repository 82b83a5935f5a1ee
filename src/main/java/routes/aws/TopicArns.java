package routes.aws;

import java.util.function.Supplier;

/**
 * An SNS topic's ARN built from its name, in this account and region: SNS finds a topic by name only
 * by listing (ListTopics), which IAM grants on Resource "*" alone. The account is looked up once, on
 * first use.
 */
public class TopicArns {

    /** The partition ({@code aws}, {@code aws-cn}, ...) and id of the account the topics belong to. */
    public record Account(String partition, String id) {

        /** From the caller's own ARN ({@code arn:<partition>:sts::<account>:...}) and account id. */
        static Account ofCaller(String callerArn, String accountId) {
            return new Account(callerArn.split(":", 3)[1], accountId);
        }
    }

    private final String region;
    private final Supplier<Account> lookup;
    private volatile Account account;

    public TopicArns(String region, Supplier<Account> lookup) {
        this.region = region;
        this.lookup = lookup;
    }

    public String of(String topicName) {
        Account known = account;
        if (known == null) {
            known = lookup.get();
            account = known;
        }
        return "arn:" + known.partition() + ":sns:" + region + ":" + known.id() + ":" + topicName;
    }
}
