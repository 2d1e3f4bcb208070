-- A guest's subscriptions are found by reference when the account that confirms the guest's address claims them.
CREATE INDEX payment_subscription_guest_reference ON payment_subscription (reference) WHERE account_id IS NULL;
