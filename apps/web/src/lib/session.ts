import { useQuery } from "@tanstack/react-query";
import { sessionQuery } from "./auth";
import { queryClient, trpc } from "./trpc";

export function useSession() {
  return useQuery(sessionQuery);
}

/** Who the user is changes what the API returns (enrollment state), so refetch it all. */
export async function onSignedIn(): Promise<void> {
  await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
  await queryClient.invalidateQueries({ queryKey: trpc.pathKey() });
}

export async function onSignedOut(): Promise<void> {
  queryClient.setQueryData(sessionQuery.queryKey, null);
  queryClient.removeQueries({ queryKey: trpc.enrollment.pathKey() });
  await queryClient.invalidateQueries({ queryKey: trpc.pathKey() });
}
