-- Reserved for issue 10 (commission workflow): filled on its branch.
SELECT 1;
