package routes.local.sns;

/** One SNS API action, such as CreateTopic or Publish. */
@FunctionalInterface
interface SnsAction {

    /**
     * Carries out the action or throws {@link SnsError}.
     *
     * @return the inner XML of the {@code <ActionResult>} element, or null for actions whose AWS
     *         response has no result element (DeleteTopic, Unsubscribe, Set*Attributes)
     */
    String handle(SnsRequest request);
}
