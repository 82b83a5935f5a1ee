/**
 * The saga kernel, generic and knowing nothing of orders: the step engine ({@link routes.saga.SagaLog},
 * a saga's row in DynamoDB as its log), the decisions steps return, the failures they raise, and the
 * application's own in-process saga service behind Camel's Saga EIP (it replaces Camel 4.17's
 * InMemorySagaService, which keeps every finished saga, drops compensations when its queue is full
 * and runs later compensations after an earlier one failed).
 */
package routes.saga;
