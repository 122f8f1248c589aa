-- depends-on: billing_2026_03_01_add_invoice_status, shop_release_1_0_0
-- info: Invoices get a due date, 30 days after the upgrade for existing ones
ALTER TABLE invoices ADD COLUMN due_on DATE;
UPDATE invoices SET due_on = CURRENT_DATE + INTERVAL '30' DAY WHERE due_on IS NULL;
COMMENT ON COLUMN invoices.due_on IS 'When the invoice must be paid; set when it is issued';
