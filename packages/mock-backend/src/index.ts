export { createMockHandler } from './mock-handler.ts';
export type { MockHandlerOptions } from './mock-handler.ts';
export { mockReplyText } from './reply-text.ts';
export type { MockStreamEndInfo } from './mock-reply.ts';
export type { MockErrorCode } from './json-error.ts';

export { pickScenario, chatScenarioNames } from './scenarios/pick-scenario.ts';
export type { ChatScenarioName } from './scenarios/pick-scenario.ts';

export { mockObjectFor, mockObjectText, mockObjectDocument } from './objects/mock-object.ts';
export type { MockObject } from './objects/mock-object.ts';
export { pickObjectScenario, objectScenarioNames } from './objects/object-input.ts';
export type { MockObjectInput, ObjectScenarioName } from './objects/object-input.ts';
export type { Itinerary, ItineraryActivity } from './objects/itinerary.ts';
export type { Contact } from './objects/contact.ts';
export type { Recipe } from './objects/recipe.ts';
