// The Bookstore contract against the simulator's behaviour models. The checks the models cannot
// pass are listed in simulatorLimitations and show up as skipped tests that say why.
import { bookstoreContract } from './bookstore-contract.ts';
import { simulatorTarget } from './simulator-target.ts';

bookstoreContract(simulatorTarget());
