#!/usr/bin/env bash
# Solution for the `rollout` lab. Runs in the simulator's shell and in bash with the real kubectl.

# Step 1: the starting state, fully rolled out (catalog 1.0, 4 replicas).
kubectl rollout status deployment/catalog -n rollout --timeout=180s
kubectl rollout history deployment/catalog -n rollout

# Step 2: ship 1.5 with a rolling update, and record why (the 1.0 cause is there, so --overwrite).
kubectl set image deployment/catalog catalog=bookstore/catalog:1.5 -n rollout
kubectl annotate deployment/catalog kubernetes.io/change-cause="catalog 1.5: new release" --overwrite -n rollout
kubectl rollout status deployment/catalog -n rollout --timeout=180s
kubectl get rs -n rollout -o wide

# Step 3: ship 1.6, whose tag cannot be pulled. The rollout stalls with 3 old pods serving and
# 2 new pods in ImagePullBackOff; rollout status exits 1 once the 60 s progress deadline passes.
kubectl set image deployment/catalog catalog=bookstore/catalog:1.6 -n rollout
kubectl annotate deployment/catalog kubernetes.io/change-cause="catalog 1.6: faster search" --overwrite -n rollout
kubectl rollout status deployment/catalog -n rollout --timeout=180s || echo "rollout stuck, as expected"
kubectl get rs,pods -n rollout -o wide
kubectl describe deployment catalog -n rollout

# Step 4: roll back to revision 2 (1.5); it comes back as revision 4.
kubectl rollout undo deployment/catalog -n rollout
kubectl rollout status deployment/catalog -n rollout --timeout=180s
kubectl rollout history deployment/catalog -n rollout
kubectl get deployment catalog -n rollout -o jsonpath='{.status.conditions[?(@.type=="Available")].status} since {.status.conditions[?(@.type=="Available")].lastTransitionTime}{"\n"}'
