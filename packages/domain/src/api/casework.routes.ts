import { z } from 'zod';
import { createGoalRequest, goalView, updateGoalRequest } from '../casework/goal.schema.ts';
import { goalEndpoints } from './casework.endpoints.ts';
import { idParams } from './params.ts';
import { defineRoutes } from './route.ts';

const tags = ['Fallarbeit'];

export const goalRoutes = defineRoutes(goalEndpoints, {
  list: {
    tags,
    summary: 'Goals agreed with a client',
    params: idParams,
    response: { 200: z.object({ items: z.array(goalView), total: z.number().int() }) },
  },
  create: {
    tags,
    summary: 'Agree a goal, linked to a participation dimension',
    params: idParams,
    body: createGoalRequest,
    response: { 201: goalView },
  },
  update: {
    tags,
    summary: 'Change a goal: steps, target date, status, review',
    params: idParams,
    body: updateGoalRequest,
    response: { 200: goalView },
  },
});
