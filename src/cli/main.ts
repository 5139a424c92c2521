#!/usr/bin/env node
// The `kapita` command. Until the server exists (the venue-goes-live issue), `start` runs the engine
// demo: it prints a book and the trades a crossing order makes.
import { Command } from 'commander';
import { runDemo } from './demo.js';

const program = new Command();
program.name('kapita').description('Kapita exchange platform').version('0.1.0');
program
  .command('start')
  .description('run the venue (for now: the matching-engine demo)')
  .action(() => {
    runDemo();
  });
program
  .command('demo')
  .description('run the matching-engine demo')
  .action(() => {
    runDemo();
  });

program.parse();
