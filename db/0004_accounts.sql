-- Reserved for issue 9 (accounts and sessions): filled on its branch.
SELECT 1;
